package glyphstream.config;

import java.util.List;

/** Every glyphstream setting, defined once. The README's configuration table is checked against this list. */
public final class Settings {

    public static final Setting BOOTSTRAP_SERVERS = new Setting("bootstrap.servers", "",
            "Kafka brokers; empty: localhost:9092 if a broker answers there, else an embedded one");
    public static final Setting TOPIC_REQUESTS = new Setting("topic.requests", "glyph.requests",
            "DigitRequest records in (Avro single-object or JSON)");
    public static final Setting TOPIC_IMAGES = new Setting("topic.images", "glyph.images",
            "GeneratedImage records out, keyed by request id");
    public static final Setting TOPIC_REJECTED = new Setting("topic.rejected", "glyph.rejected",
            "RejectedRequest records: bad input with its original bytes and a reason");
    public static final Setting TOPIC_TRAINING = new Setting("topic.training", "glyph.training",
            "TrainingExample records (compacted, keyed by data set + index)");
    public static final Setting TOPIC_MODELS = new Setting("topic.models", "glyph.models",
            "ModelUpdate records carrying new generators (compacted)");
    public static final Setting TOPIC_PARTITIONS = new Setting("topic.partitions", "4",
            "Partitions of the request and image topics when glyphstream creates them");
    public static final Setting APPLICATION_ID = new Setting("application.id", "glyphstream",
            "Kafka Streams application id (consumer group, state store prefix)");
    public static final Setting PROCESSING_GUARANTEE = new Setting("processing.guarantee", "exactly_once_v2",
            "Kafka Streams processing guarantee: exactly_once_v2 or at_least_once");
    public static final Setting STREAM_THREADS = new Setting("num.stream.threads", "1",
            "Kafka Streams threads; each has its own generator copy");
    public static final Setting COMMIT_INTERVAL_MS = new Setting("commit.interval.ms", "100",
            "Kafka Streams commit interval (rejections, offsets); serve also commits as soon as images are sent");
    public static final Setting BATCH_MAX_SIZE = new Setting("batch.max.size", "512",
            "Images per generator forward pass at most; a full batch is flushed at once");
    public static final Setting BATCH_MAX_DELAY_MS = new Setting("batch.max.delay.ms", "10",
            "Longest a buffered request waits (wall clock) before its batch is flushed");
    public static final Setting TEXT_MAX_LENGTH = new Setting("request.text.max.length", "32",
            "Longest text (digits) one request may ask for");
    public static final Setting COUNT_MAX = new Setting("request.count.max", "16",
            "Most variants one request may ask for");
    public static final Setting MODEL_FILE = new Setting("model.file", "models/generator.zip",
            "Generator checkpoint loaded at start-up");
    public static final Setting MODELS_DIR = new Setting("models.dir", "models",
            "Folder watched for new generator checkpoints, beside the model topic");
    public static final Setting STATE_DIR = new Setting("state.dir", "data/streams",
            "Kafka Streams state (the changelogged request buffer)");

    public static final List<Setting> ALL = List.of(BOOTSTRAP_SERVERS, TOPIC_REQUESTS, TOPIC_IMAGES, TOPIC_REJECTED,
            TOPIC_TRAINING, TOPIC_MODELS, TOPIC_PARTITIONS, APPLICATION_ID, PROCESSING_GUARANTEE, STREAM_THREADS,
            COMMIT_INTERVAL_MS, BATCH_MAX_SIZE, BATCH_MAX_DELAY_MS, TEXT_MAX_LENGTH, COUNT_MAX, MODEL_FILE,
            MODELS_DIR, STATE_DIR);

    private Settings() {
    }
}
