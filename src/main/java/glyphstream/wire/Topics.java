package glyphstream.wire;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.avro.GeneratedImage;
import glyphstream.wire.avro.ModelUpdate;
import glyphstream.wire.avro.RejectedRequest;
import glyphstream.wire.avro.TrainingExample;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;
import java.util.Map;

/**
 * The topics of one glyphstream instance, each with its key and value serdes. Built per instance
 * from configuration (no mutable statics), so tests and several instances can use other names.
 */
public final class Topics {

    /** Models travel inside their announcement, so the model topic takes records of a few MB. */
    public static final int MODEL_TOPIC_MAX_BYTES = 64 * 1024 * 1024;

    public final TopicSpec<byte[], byte[]> requests;
    public final TopicSpec<String, GeneratedImage> images;
    public final TopicSpec<String, RejectedRequest> rejected;
    public final TopicSpec<String, TrainingExample> training;
    public final TopicSpec<String, ModelUpdate> models;
    private final int partitions;

    public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    }

    public Topics(GlyphConfig config) {
        partitions = config.getPositiveInt(Settings.TOPIC_PARTITIONS);
        // Requests are read as raw bytes: decoding happens in the topology, so a bad record is set aside with its bytes.
        requests = new TopicSpec<>(config.get(Settings.TOPIC_REQUESTS), Serdes.ByteArray(), Serdes.ByteArray());
        images = new TopicSpec<>(config.get(Settings.TOPIC_IMAGES), Serdes.String(), new AvroSerde<>(GeneratedImage.class));
        rejected = new TopicSpec<>(config.get(Settings.TOPIC_REJECTED), Serdes.String(), new AvroSerde<>(RejectedRequest.class));
        training = new TopicSpec<>(config.get(Settings.TOPIC_TRAINING), Serdes.String(), new AvroSerde<>(TrainingExample.class));
        models = new TopicSpec<>(config.get(Settings.TOPIC_MODELS), Serdes.String(), new AvroSerde<>(ModelUpdate.class));
    }

    /** What to create on a new cluster: compacted training and model topics, big records on the model topic. */
    public List<NewTopic> newTopics(short replication) {
        return List.of(
                new NewTopic(requests.name(), partitions, replication),
                new NewTopic(images.name(), partitions, replication),
                new NewTopic(rejected.name(), 1, replication),
                new NewTopic(training.name(), 1, replication).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(models.name(), 1, replication).configs(Map.of(
                        "cleanup.policy", "compact",
                        "max.message.bytes", String.valueOf(MODEL_TOPIC_MAX_BYTES))));
    }
}
