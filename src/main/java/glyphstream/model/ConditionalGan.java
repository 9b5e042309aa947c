package glyphstream.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Random;

/**
 * A class-conditional GAN: networks, optimisers and the training step in one place.
 *
 * <p>The discriminator has K+1 outputs: "real digit of class 0..K-1" or "fake". It is trained with real images
 * labelled by their class and generated images labelled "fake"; the generator is trained to make the discriminator
 * say "real, of the requested class". So an image requested as "1" that looks like a real "2" still costs the
 * generator: conditioning is enforced by the loss itself, not left to the networks to discover.
 *
 * <p>Not thread-safe. One instance owns its networks.
 */
public final class ConditionalGan {

    private final GanSettings settings;
    private final MultiLayerNetwork discriminator;
    private final MultiLayerNetwork stacked;
    private final int generatorLayers;
    private final long generatorParams;
    private final INDArray emaParams;
    private long steps;
    private MultiLayerNetwork sampler;
    private boolean samplerStale = true;

    ConditionalGan(GanSettings settings, MultiLayerNetwork discriminator, MultiLayerNetwork stacked,
                   INDArray emaParams, long steps) {
        this.settings = settings;
        this.discriminator = discriminator;
        this.stacked = stacked;
        this.generatorLayers = GanNetworks.generatorLayerCount(settings);
        this.generatorParams = GanNetworks.generator(settings).numParams();
        this.emaParams = emaParams != null ? emaParams : liveGeneratorParams().dup();
        this.steps = steps;
        syncDiscriminatorIntoStacked();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Losses of one step: discriminator (real + fake) and generator. */
    public record StepLosses(double discriminator, double generator) {
    }

    /**
     * One training step: the discriminator on the real batch plus as many generated images, then the generator
     * on a fresh batch of the same size through the frozen discriminator.
     *
     * @param realUnit   real images, batch x pixels, gray levels in [0, 1]
     * @param realLabels their classes
     * @param random     source of latents and requested classes (seed it for reproducible runs)
     */
    public StepLosses step(INDArray realUnit, int[] realLabels, Random random) {
        int batch = realLabels.length;
        if (realUnit.rows() != batch || realUnit.columns() != settings.pixels()) {
            throw new IllegalArgumentException("real batch is " + realUnit.rows() + "x" + realUnit.columns()
                    + ", expected " + batch + "x" + settings.pixels());
        }
        int classes = settings.classes();

        int[] fakeLabels = randomLabels(batch, random);
        INDArray fake = liveGenerate(generatorInput(fakeLabels, randomLatents(batch, random)));
        INDArray images = Nd4j.vstack(realUnit.mul(2).subi(1), fake);
        int[] targets = new int[2 * batch];
        System.arraycopy(realLabels, 0, targets, 0, batch);
        java.util.Arrays.fill(targets, batch, 2 * batch, classes); // the extra class: fake
        discriminator.fit(images, Tensors.oneHot(targets, classes + 1));
        double discriminatorLoss = discriminator.score();
        syncDiscriminatorIntoStacked();

        int[] requested = randomLabels(batch, random);
        stacked.fit(generatorInput(requested, randomLatents(batch, random)), Tensors.oneHot(requested, classes + 1));
        double generatorLoss = stacked.score();
        updateEma();
        steps++;
        samplerStale = true;
        return new StepLosses(discriminatorLoss, generatorLoss);
    }

    /** Images for the given classes and latents (batch x latentSize), in [0, 1], from the sampling weights. */
    public INDArray generate(int[] labels, INDArray latents) {
        INDArray out = samplingNetwork().output(generatorInput(labels, latents), false).dup();
        return out.addi(1).divi(2);
    }

    /**
     * A standalone generator network carrying the sampling weights (the moving average when enabled), in
     * inference mode. Rebuilt lazily after training steps.
     */
    public MultiLayerNetwork samplingNetwork() {
        if (sampler == null) {
            sampler = GanNetworks.generator(settings);
        }
        if (samplerStale) {
            sampler.params().assign(settings.emaDecay() > 0 ? emaParams : liveGeneratorParams());
            samplerStale = false;
        }
        return sampler;
    }

    public GanSettings settings() {
        return settings;
    }

    public long steps() {
        return steps;
    }

    MultiLayerNetwork discriminatorNetwork() {
        return discriminator;
    }

    MultiLayerNetwork stackedNetwork() {
        return stacked;
    }

    INDArray emaParams() {
        return emaParams;
    }

    /** The live generator weights: a view of the first part of the stacked network's parameters. */
    INDArray liveGeneratorParams() {
        return slice(stacked.params(), 0, generatorParams);
    }

    /** A copy of the discriminator's weights, e.g. for tests that check a step changed them. */
    public INDArray discriminatorParamsCopy() {
        return discriminator.params().dup();
    }

    /** A copy of the live generator's weights. */
    public INDArray generatorParamsCopy() {
        return liveGeneratorParams().dup();
    }

    private INDArray liveGenerate(INDArray input) {
        // training-mode forward through the generator part only (BatchNorm uses the batch's statistics);
        // dup: feedForward results may sit in a workspace that the next network call reuses
        List<INDArray> activations = stacked.feedForwardToLayer(generatorLayers - 1, input, true);
        return activations.get(generatorLayers).dup();
    }

    private void syncDiscriminatorIntoStacked() {
        slice(stacked.params(), generatorParams, stacked.numParams()).assign(discriminator.params());
    }

    /** A view of entries [from, to) of a flat parameter vector (stored as a 1 x n row). */
    private static INDArray slice(INDArray flat, long from, long to) {
        return flat.rank() == 1
                ? flat.get(NDArrayIndex.interval(from, to))
                : flat.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    private void updateEma() {
        double decay = settings.emaDecay();
        if (decay > 0) {
            emaParams.muli(decay).addi(liveGeneratorParams().mul(1 - decay));
        }
    }

    INDArray generatorInput(int[] labels, INDArray latents) {
        return Nd4j.hstack(latents.castTo(DataType.FLOAT), Tensors.oneHot(labels, settings.classes()));
    }

    private int[] randomLabels(int count, Random random) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(settings.classes());
        }
        return labels;
    }

    /** Standard normal latents drawn from {@code random}, count x latentSize. */
    public INDArray randomLatents(int count, Random random) {
        float[] z = new float[count * settings.latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(z, new long[]{count, settings.latentSize()}, 'c');
    }

    /** Builder with the defaults of the shipped model. */
    public static final class Builder {
        private int latentSize = 100;
        private List<String> classNames = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        private int width = 28;
        private int height = 28;
        private int[] generatorHidden = {256, 512, 1024};
        private int[] discriminatorHidden = {512, 256};
        private boolean generatorBatchNorm = true;
        private double generatorLearningRate = 2e-4;
        private double discriminatorLearningRate = 2e-4;
        private double beta1 = 0.5;
        private double discriminatorDropout = 0.3;
        private double emaDecay = 0.999;
        private long seed = 42;

        public Builder latentSize(int v) { latentSize = v; return this; }
        public Builder classNames(List<String> v) { classNames = List.copyOf(v); return this; }
        public Builder imageSize(int w, int h) { width = w; height = h; return this; }
        public Builder generatorHidden(int... v) { generatorHidden = v.clone(); return this; }
        public Builder discriminatorHidden(int... v) { discriminatorHidden = v.clone(); return this; }
        public Builder generatorBatchNorm(boolean v) { generatorBatchNorm = v; return this; }
        public Builder generatorLearningRate(double v) { generatorLearningRate = v; return this; }
        public Builder discriminatorLearningRate(double v) { discriminatorLearningRate = v; return this; }
        public Builder beta1(double v) { beta1 = v; return this; }
        public Builder discriminatorDropout(double v) { discriminatorDropout = v; return this; }
        public Builder emaDecay(double v) { emaDecay = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public GanSettings settings() {
            return new GanSettings(latentSize, classNames, width, height, generatorHidden, discriminatorHidden,
                    generatorBatchNorm, generatorLearningRate, discriminatorLearningRate, beta1,
                    discriminatorDropout, emaDecay, seed);
        }

        public ConditionalGan build() {
            return create(settings());
        }

        public static ConditionalGan create(GanSettings s) {
            if (s.latentSize() <= 0 || s.width() <= 0 || s.height() <= 0 || s.classes() < 2) {
                throw new IllegalArgumentException("GAN needs latentSize > 0, image size > 0 and at least 2 classes");
            }
            if (s.generatorLearningRate() <= 0 || s.discriminatorLearningRate() <= 0) {
                throw new IllegalArgumentException("learning rates must be > 0");
            }
            if (s.emaDecay() < 0 || s.emaDecay() >= 1) {
                throw new IllegalArgumentException("emaDecay must be in [0, 1), got " + s.emaDecay());
            }
            return new ConditionalGan(s, GanNetworks.discriminator(s), GanNetworks.stacked(s), null, 0);
        }
    }
}
