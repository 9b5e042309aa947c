package glyphstream.train;

import java.nio.file.Path;

/**
 * Settings of one training run; each maps to a command-line flag. {@link #defaults()} are the settings of the
 * shipped model (see docs/model.md).
 *
 * @param epochs             epochs to run in this call (a resumed run runs this many more)
 * @param batchSize          real images per step (the discriminator also sees as many generated ones)
 * @param generatorLr        Adam learning rate of the generator
 * @param discriminatorLr    Adam learning rate of the discriminator
 * @param beta1              Adam beta1 of both
 * @param emaDecay           moving average of the generator weights used for sampling; 0 = off
 * @param seed               seed of weights, shuffling, latents and dropout
 * @param outputDir          where checkpoints, sample grids and the loss curve go
 * @param modelName          checkpoint file name stem: outputDir/modelName.zip
 * @param resumeFrom         a training-state file to continue from, or null to start fresh
 * @param samplesEveryEpochs write a sample grid every this many epochs (and after the last)
 * @param progressBar        show a console progress bar
 * @param lrDecayEpochs      over the last this many epochs of the run, both learning rates fall linearly to 10%;
 *                           0 keeps them constant
 */
public record TrainingOptions(int epochs, int batchSize, double generatorLr, double discriminatorLr, double beta1,
                              double emaDecay, long seed, Path outputDir, String modelName, Path resumeFrom,
                              int samplesEveryEpochs, boolean progressBar, int lrDecayEpochs) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(80, 64, 2e-4, 2e-4, 0.5, 0.999, 42, Path.of("out/train"), "generator", null, 1, true, 0);
    }

    /** Throws IllegalArgumentException with one line naming the first bad setting. */
    public TrainingOptions validate() {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        }
        if (!(generatorLr > 0) || !(discriminatorLr > 0)) {
            throw new IllegalArgumentException("learning rates must be > 0, got generator " + generatorLr + ", discriminator " + discriminatorLr);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + emaDecay);
        }
        if (outputDir == null) {
            throw new IllegalArgumentException("output directory is not set");
        }
        if (modelName == null || modelName.isBlank() || modelName.contains("/")) {
            throw new IllegalArgumentException("model name must be a plain file name stem, got '" + modelName + "'");
        }
        if (samplesEveryEpochs <= 0) {
            throw new IllegalArgumentException("samples-every must be > 0 epochs, got " + samplesEveryEpochs);
        }
        if (lrDecayEpochs < 0 || lrDecayEpochs > epochs) {
            throw new IllegalArgumentException("lr-decay epochs must be in 0.." + epochs + " (the run's epochs), got " + lrDecayEpochs);
        }
        return this;
    }

    public TrainingOptions withEpochs(int v) {
        return new TrainingOptions(v, batchSize, generatorLr, discriminatorLr, beta1, emaDecay, seed, outputDir, modelName, resumeFrom, samplesEveryEpochs, progressBar, lrDecayEpochs);
    }

    public TrainingOptions withBatchSize(int v) {
        return new TrainingOptions(epochs, v, generatorLr, discriminatorLr, beta1, emaDecay, seed, outputDir, modelName, resumeFrom, samplesEveryEpochs, progressBar, lrDecayEpochs);
    }

    public TrainingOptions withOutputDir(Path v) {
        return new TrainingOptions(epochs, batchSize, generatorLr, discriminatorLr, beta1, emaDecay, seed, v, modelName, resumeFrom, samplesEveryEpochs, progressBar, lrDecayEpochs);
    }

    public TrainingOptions withResumeFrom(Path v) {
        return new TrainingOptions(epochs, batchSize, generatorLr, discriminatorLr, beta1, emaDecay, seed, outputDir, modelName, v, samplesEveryEpochs, progressBar, lrDecayEpochs);
    }

    public TrainingOptions withProgressBar(boolean v) {
        return new TrainingOptions(epochs, batchSize, generatorLr, discriminatorLr, beta1, emaDecay, seed, outputDir, modelName, resumeFrom, samplesEveryEpochs, v, lrDecayEpochs);
    }

    public TrainingOptions withLrDecayEpochs(int v) {
        return new TrainingOptions(epochs, batchSize, generatorLr, discriminatorLr, beta1, emaDecay, seed, outputDir, modelName, resumeFrom, samplesEveryEpochs, progressBar, v);
    }

    /** Learning-rate scale for epoch {@code runEpoch} (1-based within this run): 1, then linearly down to 0.1. */
    public double learningRateScale(int runEpoch) {
        int decayStart = epochs - lrDecayEpochs;
        if (lrDecayEpochs == 0 || runEpoch <= decayStart) {
            return 1.0;
        }
        return 1.0 - 0.9 * (runEpoch - decayStart) / (double) lrDecayEpochs;
    }

    /** The generator checkpoint this run writes. */
    public Path checkpointFile() {
        return outputDir.resolve(modelName + ".zip");
    }

    /** The training-state file this run writes (for resuming). */
    public Path stateFile() {
        return outputDir.resolve(modelName + "-state.zip");
    }
}
