package glyphstream.render;

import glyphstream.model.DigitGenerator;
import glyphstream.model.Latents;
import glyphstream.model.ModelInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws many jobs with ONE generator forward pass: every digit of every job is a row of the batch.
 * The digits of one job share one latent vector, so "2026" comes out in one handwriting style.
 */
public final class DigitStrips {

    private DigitStrips() {
    }

    public static List<GrayImage> draw(DigitGenerator generator, List<DrawJob> jobs) {
        ModelInfo info = generator.info();
        int digits = jobs.stream().mapToInt(j -> j.text().length()).sum();
        int[] labels = new int[digits];
        float[] latents = new float[digits * info.latentSize()];
        int row = 0;
        for (DrawJob job : jobs) {
            float[] z = Latents.of(job.seed(), job.variant(), info.latentSize());
            for (int c = 0; c < job.text().length(); c++, row++) {
                labels[row] = job.text().charAt(c) - '0';
                System.arraycopy(z, 0, latents, row * info.latentSize(), info.latentSize());
            }
        }
        float[] drawn = digits == 0 ? new float[0] : generator.draw(labels, latents);
        return compose(jobs, drawn, info.width(), info.height());
    }

    /** Lays each job's digits side by side, converting [0, 1] gray levels to bytes. */
    static List<GrayImage> compose(List<DrawJob> jobs, float[] drawn, int w, int h) {
        List<GrayImage> images = new ArrayList<>(jobs.size());
        int digitOffset = 0;
        for (DrawJob job : jobs) {
            int n = job.text().length();
            int stripWidth = n * w;
            byte[] pixels = new byte[stripWidth * h];
            for (int d = 0; d < n; d++, digitOffset++) {
                int base = digitOffset * w * h;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float v = drawn[base + y * w + x];
                        int gray = Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
                        pixels[y * stripWidth + d * w + x] = (byte) gray;
                    }
                }
            }
            images.add(new GrayImage(stripWidth, h, pixels));
        }
        return images;
    }
}
