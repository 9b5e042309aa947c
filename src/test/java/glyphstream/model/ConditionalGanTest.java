package glyphstream.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalGanTest {

    private static ConditionalGan.StepLosses stepOnce(ConditionalGan gan, long seed) {
        Random random = new Random(seed);
        int batch = 4;
        INDArray real = Nd4j.create(TinyGans.randomImages(batch, random), new long[]{batch, 30}, 'c');
        return gan.step(real, new int[]{0, 1, 2, 1}, random);
    }

    @Test
    void shouldDrawOneImageOfWidthTimesHeightPerLabelWhenGeneratingABatch() {
        ConditionalGan gan = TinyGans.builder(1).build();
        INDArray images = gan.generate(new int[]{0, 2, 1}, gan.randomLatents(3, new Random(3)));
        assertEquals(3, images.rows());
        assertEquals(30, images.columns());
        assertTrue(images.minNumber().doubleValue() >= 0 && images.maxNumber().doubleValue() <= 1, "gray levels in [0, 1]");
    }

    @Test
    void shouldChangeBothNetworksAndCountTheStepWhenOneTrainingStepRuns() {
        ConditionalGan gan = TinyGans.builder(2).build();
        INDArray generatorBefore = gan.generatorParamsCopy();
        INDArray discriminatorBefore = gan.discriminatorParamsCopy();

        ConditionalGan.StepLosses losses = stepOnce(gan, 5);

        assertNotEquals(generatorBefore, gan.generatorParamsCopy(), "generator weights moved");
        assertNotEquals(discriminatorBefore, gan.discriminatorParamsCopy(), "discriminator weights moved");
        assertEquals(1, gan.steps());
        assertTrue(Double.isFinite(losses.discriminator()) && Double.isFinite(losses.generator()));
    }

    @Test
    void shouldNotUpdateTheDiscriminatorWhenTrainingTheGeneratorThroughIt() {
        ConditionalGan gan = TinyGans.builder(4).build();
        stepOnce(gan, 6);
        // after a step, the frozen discriminator copy inside the stacked network must equal the real discriminator
        INDArray stackedTail = gan.stackedNetwork().params().dup().reshape(-1);
        INDArray disc = gan.discriminatorParamsCopy().reshape(-1);
        long offset = stackedTail.length() - disc.length();
        INDArray tail = stackedTail.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, stackedTail.length()));
        assertEquals(disc, tail);
    }

    @Test
    void shouldGiveIdenticalWeightsWhenTwoRunsUseTheSameSeed() {
        ConditionalGan a = TinyGans.builder(7).build();
        ConditionalGan b = TinyGans.builder(7).build();
        Nd4j.getRandom().setSeed(11);
        stepOnce(a, 9);
        Nd4j.getRandom().setSeed(11);
        stepOnce(b, 9);
        assertEquals(a.generatorParamsCopy(), b.generatorParamsCopy());
        assertEquals(a.discriminatorParamsCopy(), b.discriminatorParamsCopy());
    }

    @Test
    void shouldRejectARealBatchOfTheWrongImageSize() {
        ConditionalGan gan = TinyGans.builder(1).build();
        INDArray wrong = Nd4j.zeros(2, 31);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gan.step(wrong, new int[]{0, 1}, new Random(1)));
        assertTrue(e.getMessage().contains("expected 2x30"), e.getMessage());
    }
}
