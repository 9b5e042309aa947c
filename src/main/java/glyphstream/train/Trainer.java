package glyphstream.train;

import glyphstream.data.LabeledImages;
import glyphstream.model.CheckpointMetadata;
import glyphstream.model.ConditionalGan;
import glyphstream.model.GanSettings;
import glyphstream.model.GeneratorCheckpoint;
import glyphstream.model.GrayImages;
import glyphstream.model.Tensors;
import glyphstream.model.TrainingState;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Trains the conditional GAN over in-memory data. The data supplier is asked at the start of every epoch, so
 * examples that arrive during training join the next epoch. After every epoch: a generator checkpoint, a
 * training-state file (for resuming), a loss curve and (every few epochs) a sample grid, all under the output dir.
 *
 * <p>Reproducible: epoch e shuffles, draws latents and drops out with seeds derived from (seed, e) only, so a fixed
 * seed gives the same weights, and a run resumed after epoch e continues as the uninterrupted run would.
 */
public final class Trainer {

    static final int GRID_COLUMNS = 10;

    private final List<CheckpointListener> listeners = new ArrayList<>();

    public Trainer addListener(CheckpointListener listener) {
        listeners.add(listener);
        return this;
    }

    public TrainingResult train(Supplier<LabeledImages> currentData, TrainingOptions options) throws IOException {
        options.validate();
        long started = System.nanoTime();
        ConditionalGan gan;
        int epochsDone;
        if (options.resumeFrom() != null) {
            TrainingState.Restored restored = TrainingState.load(options.resumeFrom());
            gan = restored.gan();
            epochsDone = restored.epochsDone();
        } else {
            gan = ConditionalGan.builder()
                    .generatorLearningRate(options.generatorLr())
                    .discriminatorLearningRate(options.discriminatorLr())
                    .beta1(options.beta1())
                    .emaDecay(options.emaDecay())
                    .seed(options.seed())
                    .build();
            epochsDone = 0;
        }
        GanSettings settings = gan.settings();
        INDArray gridLatents = gan.randomLatents(GRID_COLUMNS, new Random(settings.seed()));
        LossCurve curve = new LossCurve(gan.steps());
        CheckpointMetadata metadata = null;
        for (int e = 1; e <= options.epochs(); e++) {
            int epoch = epochsDone + e;
            LabeledImages data = checkData(currentData.get(), settings, epoch);
            double[] losses = runEpoch(gan, data, options, epoch, curve);
            boolean last = e == options.epochs();
            if (epoch % options.samplesEveryEpochs() == 0 || last) {
                writeSampleGrid(gan, gridLatents, options.outputDir().resolve("samples").resolve(String.format("epoch-%03d.png", epoch)));
            }
            curve.writePng(options.outputDir().resolve("loss.png"));
            metadata = new CheckpointMetadata(
                    String.format(Locale.ROOT, "%s-e%03d-%s", options.modelName(), epoch, data.fingerprint().substring(0, 8)),
                    data.name(), data.fingerprint(), epoch, gan.steps(), settings.seed(), settings.width(),
                    settings.height(), settings.latentSize(), settings.classNames(), System.currentTimeMillis(),
                    Map.of("d_loss", losses[0], "g_loss", losses[1]));
            GeneratorCheckpoint.save(options.checkpointFile(), gan.samplingNetwork(), metadata);
            TrainingState.save(options.stateFile(), gan, epoch);
            for (CheckpointListener listener : listeners) {
                listener.onCheckpoint(options.checkpointFile(), metadata);
            }
        }
        return new TrainingResult(options.checkpointFile(), options.stateFile(), metadata, (System.nanoTime() - started) / 1e9);
    }

    /** One pass over the data in a seeded order; returns the mean discriminator and generator losses. */
    private double[] runEpoch(ConditionalGan gan, LabeledImages data, TrainingOptions options, int epoch,
                              LossCurve curve) {
        long epochSeed = options.seed() * 1_000_003L + epoch;
        Nd4j.getRandom().setSeed(epochSeed); // dropout masks
        Random random = new Random(epochSeed); // order, latents, requested classes
        int n = data.labels().length;
        int batch = Math.min(options.batchSize(), n);
        int steps = n / batch;
        int[] order = shuffledIndices(n, random);
        int pixels = data.width() * data.height();
        double dSum = 0;
        double gSum = 0;
        long start = System.nanoTime();
        try (ProgressBar bar = progressBar(options, epoch, steps)) {
            for (int s = 0; s < steps; s++) {
                int[] rows = Arrays.copyOfRange(order, s * batch, (s + 1) * batch);
                int[] labels = new int[batch];
                for (int i = 0; i < batch; i++) {
                    labels[i] = data.labels()[rows[i]];
                }
                ConditionalGan.StepLosses losses = gan.step(Tensors.unitPixels(data.pixels(), pixels, rows), labels, random);
                curve.add(losses.discriminator(), losses.generator());
                dSum += losses.discriminator();
                gSum += losses.generator();
                if (bar != null) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, "step %d D %.3f G %.3f %.0f img/s",
                            gan.steps(), losses.discriminator(), losses.generator(), (s + 1) * batch / seconds));
                }
            }
        }
        return new double[]{dSum / steps, gSum / steps};
    }

    private static ProgressBar progressBar(TrainingOptions options, int epoch, int steps) {
        if (!options.progressBar()) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
    }

    /** The supplied data, or a one-line IllegalArgumentException saying what is wrong with it. */
    static LabeledImages checkData(LabeledImages data, GanSettings settings, int epoch) {
        if (data == null) {
            throw new IllegalArgumentException("no training data for epoch " + epoch + " (the supplier returned null)");
        }
        if (data.labels() == null || data.labels().length == 0) {
            throw new IllegalArgumentException("training data '" + data.name() + "' is empty at epoch " + epoch);
        }
        if (data.width() != settings.width() || data.height() != settings.height()) {
            throw new IllegalArgumentException("training data '" + data.name() + "' has " + data.width() + "x" + data.height()
                    + " images, the model needs " + settings.width() + "x" + settings.height());
        }
        long expected = (long) data.labels().length * data.width() * data.height();
        if (data.pixels() == null || data.pixels().length != expected) {
            throw new IllegalArgumentException("training data '" + data.name() + "' has " + (data.pixels() == null ? 0 : data.pixels().length)
                    + " pixel bytes, expected " + expected + " for " + data.labels().length + " images");
        }
        for (int i = 0; i < data.labels().length; i++) {
            int label = data.labels()[i];
            if (label < 0 || label >= settings.classes()) {
                throw new IllegalArgumentException("training data '" + data.name() + "' image " + i + " has label " + label
                        + ", expected 0.." + (settings.classes() - 1));
            }
        }
        return data;
    }

    /** One row per class, the same latents in every row and every epoch, so grids are comparable. */
    static void writeSampleGrid(ConditionalGan gan, INDArray gridLatents, Path file) throws IOException {
        GanSettings s = gan.settings();
        int cols = (int) gridLatents.rows();
        int[] labels = new int[s.classes() * cols];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / cols;
        }
        INDArray latents = Nd4j.vstack(java.util.Collections.nCopies(s.classes(), gridLatents).toArray(new INDArray[0]));
        float[] images = gan.generate(labels, latents).dup('c').data().asFloat();
        GrayImages.writePng(GrayImages.grid(images, s.classes(), cols, s.width(), s.height()), file);
    }

    private static int[] shuffledIndices(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
