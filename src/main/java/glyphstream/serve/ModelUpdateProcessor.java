package glyphstream.serve;

import glyphstream.wire.avro.ModelUpdate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the global model store and hands each announced model to the registry. Runs on the global
 * thread, so every stream thread of this instance sees every model. On start-up the store is
 * restored from the topic first; {@link #init} then registers what it holds, oldest first, so the
 * newest announcement ends up current.
 */
final class ModelUpdateProcessor implements Processor<String, ModelUpdate, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelUpdateProcessor.class);

    private final String storeName;
    private final ModelRegistry models;
    private KeyValueStore<String, ModelUpdate> store;

    ModelUpdateProcessor(String storeName, ModelRegistry models) {
        this.storeName = storeName;
        this.models = models;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        List<ModelUpdate> restored = new ArrayList<>();
        try (KeyValueIterator<String, ModelUpdate> all = store.all()) {
            all.forEachRemaining(kv -> restored.add(kv.value));
        }
        restored.sort(Comparator.comparing(ModelUpdate::getCreatedAt));
        restored.forEach(update -> register(update, "model topic (restored)"));
    }

    @Override
    public void process(Record<String, ModelUpdate> record) {
        if (record.value() == null) {
            store.delete(record.key()); // a tombstone retires the name; loaded versions stay for pinned requests
            return;
        }
        store.put(record.key(), record.value());
        register(record.value(), "model topic (" + record.key() + ")");
    }

    private void register(ModelUpdate update, String origin) {
        try {
            models.registerUpdate(update, origin);
        } catch (IOException | RuntimeException e) {
            // A broken checkpoint must not stop serving: keep the current model and say why.
            LOG.error("model update {} from {} not loaded: {}", update.getModelVersion(), origin, e.toString());
        }
    }
}
