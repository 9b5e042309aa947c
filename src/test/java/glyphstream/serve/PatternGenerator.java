package glyphstream.serve;

import glyphstream.model.DigitGenerator;
import glyphstream.model.ModelInfo;

import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic stand-in for the GAN whose pixels say what drew them, so tests can read back from
 * a PNG which label, which latent and which model version drew each 28x28 digit:
 * row 0, pixel 0: label * 25; row 1: the first {@value #LATENT} latent values, each as 128 + 16z;
 * row 2, pixel 0: the version's code; the rest a pattern of label and latent.
 */
final class PatternGenerator implements DigitGenerator {

    static final int LATENT = 8;
    static final int SIDE = 28;

    private final ModelInfo info;
    private final Consumer<String> drawLog;

    PatternGenerator(String version, Consumer<String> drawLog) {
        this.info = new ModelInfo(version, LATENT, SIDE, SIDE, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        this.drawLog = drawLog;
    }

    static int labelGray(int label) {
        return label * 25;
    }

    static int latentGray(float z) {
        return Math.round(Math.min(255f, Math.max(0f, 128f + 16f * z)));
    }

    static int versionGray(String version) {
        return 20 + Math.floorMod(version.hashCode(), 200);
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public float[] draw(int[] labels, float[] latents) {
        boolean warmUp = labels.length == 1 && allZero(latents);
        drawLog.accept(info.version() + ":" + (warmUp ? "warm-up" : labels.length));
        int pixels = SIDE * SIDE;
        float[] out = new float[labels.length * pixels];
        for (int i = 0; i < labels.length; i++) {
            int base = i * pixels;
            int zBase = i * LATENT;
            for (int p = 0; p < pixels; p++) {
                out[base + p] = ((labels[i] * 31 + p * 7 + Math.round(latents[zBase] * 10)) & 0xff) / 255f;
            }
            out[base] = labelGray(labels[i]) / 255f;
            for (int j = 0; j < LATENT; j++) {
                out[base + SIDE + j] = latentGray(latents[zBase + j]) / 255f;
            }
            out[base + 2 * SIDE] = versionGray(info.version()) / 255f;
        }
        return out;
    }
}
