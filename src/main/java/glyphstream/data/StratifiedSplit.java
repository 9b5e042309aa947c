package glyphstream.data;

import java.util.Arrays;

/**
 * The fixed, documented train / held-out split: within each class, in data order, the first
 * floor(trainShare * n) images train and the rest are held out. No randomness, so every run and
 * every machine gets the same split.
 */
public record StratifiedSplit(LabeledImages train, LabeledImages test) {

    public static final double DEFAULT_TRAIN_SHARE = 0.85;

    public static StratifiedSplit of(LabeledImages all, double trainShare, int classes) {
        int[] perClass = all.countPerLabel(classes);
        int[] trainQuota = Arrays.stream(perClass).map(n -> (int) Math.floor(trainShare * n)).toArray();
        int[] seen = new int[classes];
        int[] trainIdx = new int[Arrays.stream(trainQuota).sum()];
        int[] testIdx = new int[all.size() - trainIdx.length];
        int t = 0;
        int h = 0;
        for (int i = 0; i < all.size(); i++) {
            int label = all.labels()[i];
            if (seen[label]++ < trainQuota[label]) {
                trainIdx[t++] = i;
            } else {
                testIdx[h++] = i;
            }
        }
        return new StratifiedSplit(all.select(all.name() + "-train", trainIdx), all.select(all.name() + "-test", testIdx));
    }
}
