package glyphstream.serve;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The generation topology, top to bottom:
 * <pre>
 *   glyph.requests (raw bytes) -> decode-and-validate -+-> micro-batcher [request-buffer] -+-> glyph.images
 *                                                      |                                  |
 *                                                      +----------------------------------+-> glyph.rejected
 *   glyph.models -> model-registry-updater [model-updates, global]   (feeds the ModelRegistry)
 * </pre>
 * Pure: builds the same topology for production and for TopologyTestDriver tests.
 */
public final class GenerationTopology {

    public static final String REQUESTS_SOURCE = "requests-source";
    public static final String DECODE_AND_VALIDATE = "decode-and-validate";
    public static final String MICRO_BATCHER = "micro-batcher";
    public static final String IMAGES_SINK = "images-sink";
    public static final String REJECTED_SINK = "rejected-sink";
    public static final String REQUEST_BUFFER_STORE = "request-buffer";
    public static final String MODELS_SOURCE = "models-source";
    public static final String MODEL_REGISTRY_UPDATER = "model-registry-updater";
    public static final String MODEL_UPDATES_STORE = "model-updates";

    private GenerationTopology() {
    }

    public static Topology buildTopology(GlyphConfig config, ModelRegistry models) {
        return buildTopology(config, models, new BatchStats());
    }

    public static Topology buildTopology(GlyphConfig config, ModelRegistry models, BatchStats stats) {
        Topics topics = new Topics(config);
        RequestRules rules = RequestRules.from(config);
        int maxImages = config.getPositiveInt(Settings.BATCH_MAX_SIZE);
        long maxDelayMs = config.getPositiveInt(Settings.BATCH_MAX_DELAY_MS);

        Topology topology = new Topology();
        topology.addSource(REQUESTS_SOURCE, topics.requests.keySerde().deserializer(),
                topics.requests.valueSerde().deserializer(), topics.requests.name());
        topology.addProcessor(DECODE_AND_VALIDATE,
                () -> new RequestIntake(rules, models, MICRO_BATCHER, REJECTED_SINK), REQUESTS_SOURCE);
        SharedBatches batches = new SharedBatches(models, maxImages, maxDelayMs, stats);
        topology.addProcessor(MICRO_BATCHER,
                () -> new MicroBatcher(REQUEST_BUFFER_STORE, maxDelayMs, batches, true, IMAGES_SINK, REJECTED_SINK),
                DECODE_AND_VALIDATE);
        topology.addStateStore(requestBuffer(), MICRO_BATCHER);
        topology.addSink(IMAGES_SINK, topics.images.name(), topics.images.keySerde().serializer(),
                topics.images.valueSerde().serializer(), MICRO_BATCHER);
        topology.addSink(REJECTED_SINK, topics.rejected.name(), topics.rejected.keySerde().serializer(),
                topics.rejected.valueSerde().serializer(), DECODE_AND_VALIDATE, MICRO_BATCHER);

        topology.addGlobalStore(modelUpdates(topics), MODELS_SOURCE, topics.models.keySerde().deserializer(),
                topics.models.valueSerde().deserializer(), topics.models.name(), MODEL_REGISTRY_UPDATER,
                () -> new ModelUpdateProcessor(MODEL_UPDATES_STORE, models));
        return topology;
    }

    /**
     * Persistent (RocksDB) and changelogged: buffered requests survive a crash and a restart. Cached:
     * a request put and deleted within one commit interval reaches RocksDB and the changelog only once.
     */
    static StoreBuilder<KeyValueStore<Long, BufferedRequest>> requestBuffer() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REQUEST_BUFFER_STORE),
                        Serdes.Long(), new BufferedRequestSerde())
                .withLoggingEnabled(java.util.Map.of())
                .withCachingEnabled();
    }

    /** The model topic is its own changelog: a global store must not log, and in memory it re-reads at start. */
    static StoreBuilder<KeyValueStore<String, glyphstream.wire.avro.ModelUpdate>> modelUpdates(Topics topics) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MODEL_UPDATES_STORE),
                        topics.models.keySerde(), topics.models.valueSerde())
                .withLoggingDisabled();
    }
}
