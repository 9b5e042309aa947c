package glyphstream.serve;

import glyphstream.model.DigitGenerator;
import glyphstream.model.ModelInfo;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A real DL4J network of the production generator's shape ((z 100 + one-hot 10) -> 256 -> 512 ->
 * 1024 -> 784 tanh, 1.49 M parameters), randomly initialised: the true cost of a forward pass for
 * benchmarks and broker tests, before a trained checkpoint exists.
 */
final class RandomMlpGenerator implements DigitGenerator {

    static final int LATENT = 100;
    private static final int CLASSES = 10;

    private final ModelInfo info;
    private final MultiLayerNetwork net;

    RandomMlpGenerator(String version, long seed) {
        this.info = new ModelInfo(version, LATENT, 28, 28, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(LATENT + CLASSES).nOut(256).activation(Activation.LEAKYRELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(512).activation(Activation.LEAKYRELU).build())
                .layer(new DenseLayer.Builder().nIn(512).nOut(1024).activation(Activation.LEAKYRELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1024).nOut(784)
                        .activation(Activation.TANH).build())
                .build();
        this.net = new MultiLayerNetwork(conf);
        net.init();
    }

    /** A loader for checkpoints that read "random-mlp:VERSION". */
    static GeneratorLoader loader() {
        return checkpoint -> new RandomMlpGenerator(
                new String(checkpoint, StandardCharsets.UTF_8).substring("random-mlp:".length()), 42);
    }

    static byte[] checkpoint(String version) {
        return ("random-mlp:" + version).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public float[] draw(int[] labels, float[] latents) {
        int n = labels.length;
        float[] input = new float[n * (LATENT + CLASSES)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(latents, i * LATENT, input, i * (LATENT + CLASSES), LATENT);
            input[i * (LATENT + CLASSES) + LATENT + labels[i]] = 1f;
        }
        INDArray out = net.output(Nd4j.create(input, new long[]{n, LATENT + CLASSES}), false);
        float[] pixels = out.dup().data().asFloat(); // dup: output may live in a reused workspace
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (pixels[i] + 1f) * 0.5f;
        }
        return pixels;
    }
}
