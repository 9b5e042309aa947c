package glyphstream.eval;

import glyphstream.data.LabeledImages;
import glyphstream.model.Tensors;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small LeNet-style CNN that recognises digits: the judge of the generator, independent of it.
 * Its penultimate dense layer ({@link #FEATURES} units) is the feature space of the Fréchet distance.
 */
public final class DigitClassifier {

    public static final int FEATURES = 128;
    private static final int PREDICT_BATCH = 512;

    private final MultiLayerNetwork net;
    private final int width;
    private final int height;

    private DigitClassifier(MultiLayerNetwork net, int width, int height) {
        this.net = net;
        this.width = width;
        this.height = height;
    }

    /** An untrained classifier for width x height gray images and {@code classes} classes. */
    public static DigitClassifier create(int width, int height, int classes, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(1e-3))
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(20).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(40).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(height, width, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new DigitClassifier(net, width, height);
    }

    /** Trains for {@code epochs} passes over {@code data}, epoch e in an order shuffled with seed + e. */
    public DigitClassifier fit(LabeledImages data, int epochs, int batchSize, long seed) {
        int n = data.labels().length;
        int classes = (int) net.getLayer(net.getnLayers() - 1).getParam("b").length();
        int pixelsPerImage = width * height;
        int[] order = new int[n];
        long steps = (long) epochs * ((n + batchSize - 1) / batchSize);
        try (me.tongfei.progressbar.ProgressBar bar = new me.tongfei.progressbar.ProgressBarBuilder()
                .setTaskName("classifier").setInitialMax(steps).setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).build()) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                // each epoch's order depends only on (seed, epoch): training epoch by epoch gives the same weights
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                shuffle(order, new Random(seed + epoch));
                for (int start = 0; start < n; start += batchSize) {
                    int count = Math.min(batchSize, n - start);
                    int[] rows = new int[count];
                    int[] labels = new int[count];
                    for (int i = 0; i < count; i++) {
                        rows[i] = order[start + i];
                        labels[i] = data.labels()[rows[i]];
                    }
                    net.fit(Tensors.unitPixels(data.pixels(), pixelsPerImage, rows), Tensors.oneHot(labels, classes));
                    bar.step();
                }
                bar.setExtraMessage("epoch " + (epoch + 1) + "/" + epochs);
            }
        }
        return this;
    }

    /** Predicted class per image. */
    public int[] predict(byte[] pixels, int count) {
        int[] out = new int[count];
        for (int start = 0; start < count; start += PREDICT_BATCH) {
            int size = Math.min(PREDICT_BATCH, count - start);
            INDArray probabilities = net.output(Tensors.unitPixels(pixels, width * height, start, size), false);
            int[] batch = Tensors.argMaxRows(probabilities);
            System.arraycopy(batch, 0, out, start, size);
        }
        return out;
    }

    /** Share of images whose predicted class equals their label. */
    public double accuracy(LabeledImages data) {
        int n = data.labels().length;
        int[] predicted = predict(data.pixels(), n);
        int right = 0;
        for (int i = 0; i < n; i++) {
            if (predicted[i] == data.labels()[i]) {
                right++;
            }
        }
        return n == 0 ? 0 : (double) right / n;
    }

    /** Penultimate-layer activations, count x {@link #FEATURES}, as doubles (row-major). */
    public double[][] features(byte[] pixels, int count) {
        double[][] out = new double[count][];
        int featureLayer = net.getnLayers() - 2;
        for (int start = 0; start < count; start += PREDICT_BATCH) {
            int size = Math.min(PREDICT_BATCH, count - start);
            INDArray input = Tensors.unitPixels(pixels, width * height, start, size);
            // dup: feedForward's arrays may live in a workspace that the next call reuses
            INDArray activations = net.feedForwardToLayer(featureLayer, input, false).get(featureLayer + 1).dup();
            for (int i = 0; i < size; i++) {
                out[start + i] = activations.getRow(i).toDoubleVector();
            }
        }
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ModelSerializer.writeModel(net, out, false);
        }
    }

    public static DigitClassifier load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("classifier file not found: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(in, false);
            // the flat-to-image preprocessor of layer 0 remembers the image size the net was built for
            FeedForwardToCnnPreProcessor shape =
                    (FeedForwardToCnnPreProcessor) net.getLayerWiseConfigurations().getInputPreProcess(0);
            return new DigitClassifier(net, (int) shape.getInputWidth(), (int) shape.getInputHeight());
        }
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }
}
