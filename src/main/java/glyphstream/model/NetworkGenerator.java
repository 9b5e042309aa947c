package glyphstream.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A {@link DigitGenerator} over a DL4J generator network ([z | one-hot] in, tanh pixels out). Not thread-safe. */
public class NetworkGenerator implements DigitGenerator {

    private final MultiLayerNetwork network;
    private final ModelInfo info;

    public NetworkGenerator(MultiLayerNetwork network, ModelInfo info) {
        this.network = network;
        this.info = info;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public float[] draw(int[] labels, float[] latents) {
        int n = labels.length;
        if (latents.length != (long) n * info.latentSize()) {
            throw new IllegalArgumentException("latents has " + latents.length + " values, expected "
                    + n + " x " + info.latentSize());
        }
        for (int label : labels) {
            if (label < 0 || label >= info.classes()) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (info.classes() - 1));
            }
        }
        if (n == 0) {
            return new float[0];
        }
        INDArray z = Nd4j.create(latents, new long[]{n, info.latentSize()}, 'c');
        INDArray input = Nd4j.hstack(z, Tensors.oneHot(labels, info.classes()));
        float[] out = network.output(input, false).dup('c').data().asFloat();
        for (int i = 0; i < out.length; i++) {
            // tanh output [-1, 1] -> gray level [0, 1]; clamp against rounding
            out[i] = Math.max(0f, Math.min(1f, (out[i] + 1f) / 2f));
        }
        return out;
    }

    MultiLayerNetwork network() {
        return network;
    }
}
