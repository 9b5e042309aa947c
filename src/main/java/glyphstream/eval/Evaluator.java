package glyphstream.eval;

import glyphstream.data.LabeledImages;
import glyphstream.model.DigitGenerator;
import glyphstream.model.ModelInfo;
import glyphstream.model.Tensors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures a generator against real held-out digits with an independent classifier. Seeded: the same generator,
 * classifier, data and settings give the same numbers.
 */
public final class Evaluator {

    private static final int DRAW_BATCH = 1000;

    /**
     * @param fidelityPerClass  generated images per class for label fidelity
     * @param diversityPerClass images per class (generated and real) for the pairwise distances
     * @param casPerClass       generated training images per class for the classification accuracy score
     * @param casEpochs         epochs of the CAS classifier
     */
    public record Settings(int fidelityPerClass, int diversityPerClass, int casPerClass, int casEpochs, long seed) {
        public static Settings defaults() {
            return new Settings(500, 100, 850, 2, 20261203L);
        }
    }

    private final DigitClassifier classifier;
    private final Settings settings;

    public Evaluator(DigitClassifier classifier, Settings settings) {
        this.classifier = classifier;
        this.settings = settings;
    }

    /**
     * @param realTrain real training digits: only a sample, stratified like the test set, for fid_real
     * @param realTest  real held-out digits
     */
    public EvalReport evaluate(DigitGenerator generator, LabeledImages realTrain, LabeledImages realTest) {
        ModelInfo info = generator.info();
        checkCompatible(info, realTest);
        checkCompatible(info, realTrain);
        Random random = new Random(settings.seed());
        List<String> names = info.classNames();

        // label fidelity
        int[] fidelityLabels = repeatEachClass(info.classes(), settings.fidelityPerClass());
        byte[] fidelityImages = draw(generator, fidelityLabels, random);
        int[] predicted = classifier.predict(fidelityImages, fidelityLabels.length);
        Map<String, Double> perClass = new LinkedHashMap<>();
        double fidelity = FidelityCount.of(fidelityLabels, predicted, names, perClass);

        // Fréchet distances: generated vs test with the test set's labels; a real-train sample of the same make-up vs test
        byte[] generatedLikeTest = draw(generator, realTest.labels(), random);
        double[][] testFeatures = classifier.features(realTest.pixels(), realTest.labels().length);
        double fid = FrechetDistance.between(classifier.features(generatedLikeTest, realTest.labels().length), testFeatures);
        int[] trainSample = stratifiedSample(realTrain.labels(), realTest.labels(), random);
        byte[] trainSamplePixels = gather(realTrain.pixels(), info.width() * info.height(), trainSample);
        double fidReal = FrechetDistance.between(classifier.features(trainSamplePixels, trainSample.length), testFeatures);

        // diversity per class
        Map<String, double[]> perClassDiversity = new LinkedHashMap<>();
        double generatedSum = 0;
        double realSum = 0;
        int pixels = info.width() * info.height();
        for (int c = 0; c < info.classes(); c++) {
            int[] genRows = rowsOf(fidelityLabels, c, settings.diversityPerClass());
            int[] realRows = rowsOf(realTest.labels(), c, settings.diversityPerClass());
            double g = Diversity.meanPairwiseDistance(fidelityImages, pixels, genRows);
            double r = Diversity.meanPairwiseDistance(realTest.pixels(), pixels, realRows);
            perClassDiversity.put(names.get(c), new double[]{g, r});
            generatedSum += g;
            realSum += r;
        }

        // classification accuracy score: a fresh classifier trained on generated images only, tested on real ones
        int[] casLabels = repeatEachClass(info.classes(), settings.casPerClass());
        byte[] casImages = draw(generator, casLabels, random);
        DigitClassifier casClassifier = DigitClassifier.create(info.width(), info.height(), info.classes(), settings.seed())
                .fit(new LabeledImages("generated", info.width(), info.height(), casLabels, casImages),
                        settings.casEpochs(), 64, settings.seed());
        double cas = casClassifier.accuracy(realTest);

        return new EvalReport(fidelity, perClass, cas, fid, fidReal, generatedSum / info.classes(),
                realSum / info.classes(), perClassDiversity, classifier.accuracy(realTest));
    }

    private static void checkCompatible(ModelInfo info, LabeledImages data) {
        if (data.width() != info.width() || data.height() != info.height()) {
            throw new IllegalArgumentException("data set " + data.name() + " has " + data.width() + "x" + data.height()
                    + " images but the generator draws " + info.width() + "x" + info.height());
        }
        if (data.labels().length == 0) {
            throw new IllegalArgumentException("data set " + data.name() + " is empty");
        }
    }

    /** Generated images as gray bytes, drawn in batches with standard normal latents from {@code random}. */
    static byte[] draw(DigitGenerator generator, int[] labels, Random random) {
        ModelInfo info = generator.info();
        int pixels = info.width() * info.height();
        byte[] out = new byte[labels.length * pixels];
        for (int start = 0; start < labels.length; start += DRAW_BATCH) {
            int count = Math.min(DRAW_BATCH, labels.length - start);
            float[] latents = new float[count * info.latentSize()];
            for (int i = 0; i < latents.length; i++) {
                latents[i] = (float) random.nextGaussian();
            }
            float[] images = generator.draw(Arrays.copyOfRange(labels, start, start + count), latents);
            System.arraycopy(Tensors.toGrayBytes(images), 0, out, start * pixels, count * pixels);
        }
        return out;
    }

    static int[] repeatEachClass(int classes, int perClass) {
        int[] labels = new int[classes * perClass];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / perClass;
        }
        return labels;
    }

    /** Row indices of {@code pool} with, per class, as many rows as {@code like} has (fewer if the pool runs out). */
    static int[] stratifiedSample(int[] pool, int[] like, Random random) {
        int classes = Math.max(Arrays.stream(pool).max().orElse(0), Arrays.stream(like).max().orElse(0)) + 1;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < pool.length; i++) {
            byClass.get(pool[i]).add(i);
        }
        int[] wanted = new int[classes];
        for (int label : like) {
            wanted[label]++;
        }
        List<Integer> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> candidates = byClass.get(c);
            java.util.Collections.shuffle(candidates, random);
            rows.addAll(candidates.subList(0, Math.min(wanted[c], candidates.size())));
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    static byte[] gather(byte[] pixels, int pixelsPerImage, int[] rows) {
        byte[] out = new byte[rows.length * pixelsPerImage];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(pixels, rows[r] * pixelsPerImage, out, r * pixelsPerImage, pixelsPerImage);
        }
        return out;
    }

    /** The first {@code max} row indices whose label is {@code label}. */
    static int[] rowsOf(int[] labels, int label, int max) {
        return Arrays.stream(java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == label).toArray())
                .limit(max).toArray();
    }
}
