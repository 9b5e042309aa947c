package glyphstream.bench;

import glyphstream.render.GrayImage;
import glyphstream.render.GrayPng;

import java.util.List;

/** PNG encoding alone, on real generated digits (noise would compress differently). */
final class PngBench {

    private PngBench() {
    }

    static double imagesPerSecond(List<GrayImage> images, double seconds) {
        GrayPng png = new GrayPng();
        long sink = 0;
        long warmUntil = System.nanoTime() + (long) (seconds * 0.3e9);
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            sink += png.encode(images.get(i % images.size())).length;
        }
        long start = System.nanoTime();
        long until = start + (long) (seconds * 1e9);
        long encoded = 0;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 100; i++, encoded++) {
                sink += png.encode(images.get((int) (encoded % images.size()))).length;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the encoder's output alive for the JIT
        }
        return encoded / ((System.nanoTime() - start) / 1e9);
    }
}
