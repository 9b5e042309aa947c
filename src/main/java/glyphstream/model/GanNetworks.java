package glyphstream.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the three networks of the GAN from its settings.
 * <ul>
 *   <li>generator: [z | one-hot class] -> MLP -> width*height tanh pixels in [-1, 1];</li>
 *   <li>discriminator: pixels -> MLP -> softmax over classes + 1 ("class 0..K-1, real" or "fake");</li>
 *   <li>stacked: the generator's layers followed by the discriminator's layers frozen (they pass gradients back
 *       but are not updated); fitting it towards "real, requested class" trains the generator.</li>
 * </ul>
 */
final class GanNetworks {

    private GanNetworks() {
    }

    static MultiLayerNetwork generator(GanSettings s) {
        NeuralNetConfiguration.ListBuilder list = base(s.seed(), new Adam(s.generatorLearningRate(), s.beta1(), 0.999, 1e-8)).list();
        generatorLayers(s).forEach(list::layer);
        return init(list.build());
    }

    static MultiLayerNetwork discriminator(GanSettings s) {
        NeuralNetConfiguration.ListBuilder list = base(s.seed() + 1, new Adam(s.discriminatorLearningRate(), s.beta1(), 0.999, 1e-8)).list();
        discriminatorLayers(s).forEach(list::layer);
        return init(list.build());
    }

    static MultiLayerNetwork stacked(GanSettings s) {
        NeuralNetConfiguration.ListBuilder list = base(s.seed(), new Adam(s.generatorLearningRate(), s.beta1(), 0.999, 1e-8)).list();
        generatorLayers(s).forEach(list::layer);
        for (Layer layer : discriminatorLayers(s)) {
            list.layer(new FrozenLayerWithBackprop(layer));
        }
        return init(list.build());
    }

    /** Number of layers the generator contributes to the stacked network. */
    static int generatorLayerCount(GanSettings s) {
        return generatorLayers(s).size();
    }

    private static NeuralNetConfiguration.Builder base(long seed, org.nd4j.linalg.learning.config.IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.XAVIER).updater(updater);
    }

    private static List<Layer> generatorLayers(GanSettings s) {
        List<Layer> layers = new ArrayList<>();
        int in = s.latentSize() + s.classes();
        for (int hidden : s.generatorHidden()) {
            if (s.generatorBatchNorm()) {
                layers.add(new DenseLayer.Builder().nIn(in).nOut(hidden).activation(Activation.IDENTITY).build());
                layers.add(new BatchNormalization.Builder().nIn(hidden).nOut(hidden).decay(0.9).build());
                layers.add(new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).build());
            } else {
                layers.add(new DenseLayer.Builder().nIn(in).nOut(hidden).activation(new ActivationLReLU(0.2)).build());
            }
            in = hidden;
        }
        layers.add(new DenseLayer.Builder().nIn(in).nOut(s.pixels()).activation(Activation.TANH).build());
        return layers;
    }

    private static List<Layer> discriminatorLayers(GanSettings s) {
        List<Layer> layers = new ArrayList<>();
        int in = s.pixels();
        for (int hidden : s.discriminatorHidden()) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(in).nOut(hidden).activation(new ActivationLReLU(0.2));
            if (s.discriminatorDropout() > 0) {
                dense.dropOut(1.0 - s.discriminatorDropout()); // DL4J takes the retain probability
            }
            layers.add(dense.build());
            in = hidden;
        }
        layers.add(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(in).nOut(s.classes() + 1).activation(Activation.SOFTMAX).build());
        return layers;
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
