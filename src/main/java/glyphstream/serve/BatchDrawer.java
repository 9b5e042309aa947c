package glyphstream.serve;

import glyphstream.render.DigitStrips;
import glyphstream.render.DrawJob;
import glyphstream.render.GrayImage;
import glyphstream.render.GrayPng;
import glyphstream.wire.avro.GeneratedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a batch: one generator forward pass per model version in it (normally one: only pinned
 * requests add another), then one PNG per image. Not thread-safe (it reuses its PNG encoder).
 */
final class BatchDrawer {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDrawer.class);

    private final ModelRegistry models;
    private final GrayPng png = new GrayPng();

    BatchDrawer(ModelRegistry models) {
        this.models = models;
    }

    /** @return one outcome per request, in the batch's order */
    List<BatchOutcome> draw(List<BufferedRequest> batch, long nowMs) {
        BatchOutcome[] outcomes = new BatchOutcome[batch.size()];
        // Read once: every unpinned request of this batch is drawn by the same model, even if a swap lands now.
        LoadedModel current = models.current();
        Map<LoadedModel, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            BufferedRequest r = batch.get(i);
            LoadedModel model = r.modelVersion() == null ? current : models.version(r.modelVersion()).orElse(null);
            if (model == null) {
                outcomes[i] = new BatchOutcome.Refused(r, r.modelVersion() == null
                        ? new Rejection(RejectReason.GENERATION_FAILED, "no model loaded")
                        : new Rejection(RejectReason.UNKNOWN_MODEL_VERSION, "request " + r.requestId()
                        + " is pinned to model version \"" + r.modelVersion() + "\", which is no longer loaded"));
            } else {
                byModel.computeIfAbsent(model, m -> new ArrayList<>()).add(i);
            }
        }
        byModel.forEach((model, indexes) -> drawWith(model, batch, indexes, nowMs, outcomes));
        return Arrays.asList(outcomes);
    }

    private void drawWith(LoadedModel model, List<BufferedRequest> batch, List<Integer> indexes, long nowMs,
                          BatchOutcome[] outcomes) {
        List<DrawJob> jobs = new ArrayList<>();
        for (int i : indexes) {
            BufferedRequest r = batch.get(i);
            for (int variant = 0; variant < r.count(); variant++) {
                jobs.add(new DrawJob(r.text(), r.seed(), variant));
            }
        }
        List<GrayImage> drawn;
        try {
            drawn = DigitStrips.draw(model.generatorForThisThread(), jobs);
        } catch (RuntimeException e) {
            // A generator that fails on a batch fails again on retry: answer with a rejection, do not loop.
            LOG.error("model {} failed on a batch of {} images: {}", model.version(), jobs.size(), e.toString());
            for (int i : indexes) {
                outcomes[i] = new BatchOutcome.Refused(batch.get(i), new Rejection(RejectReason.GENERATION_FAILED,
                        "model " + model.version() + " failed: " + e));
            }
            return;
        }
        Instant createdAt = Instant.ofEpochMilli(nowMs);
        int next = 0;
        for (int i : indexes) {
            BufferedRequest r = batch.get(i);
            List<GeneratedImage> images = new ArrayList<>(r.count());
            for (int variant = 0; variant < r.count(); variant++) {
                GrayImage image = drawn.get(next++);
                images.add(GeneratedImage.newBuilder()
                        .setRequestId(r.requestId())
                        .setText(r.text())
                        .setPng(ByteBuffer.wrap(png.encode(image)))
                        .setWidth(image.width())
                        .setHeight(image.height())
                        .setSeed(r.seed())
                        .setVariant(variant)
                        .setModelVersion(model.version())
                        .setCreatedAt(createdAt)
                        .build());
            }
            outcomes[i] = new BatchOutcome.Drawn(r, images);
        }
    }
}
