package glyphstream.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StratifiedSplitTest {

    @Test
    void shouldGiveEachClassItsShareRoundedDown() {
        LabeledImages all = TestImages.digits("all", 205, 4); // labels i % 10: 21 of 0..4, 20 of 5..9
        StratifiedSplit split = StratifiedSplit.of(all, 0.85, 10);
        assertArrayEquals(new int[]{17, 17, 17, 17, 17, 17, 17, 17, 17, 17}, split.train().countPerLabel(10));
        assertArrayEquals(new int[]{4, 4, 4, 4, 4, 3, 3, 3, 3, 3}, split.test().countPerLabel(10));
        assertEquals(all.size(), split.train().size() + split.test().size());
    }

    @Test
    void shouldTrainOnTheFirstImagesOfEachClassInDataOrder() {
        LabeledImages all = TestImages.digits("all", 40, 2); // 4 images per class
        StratifiedSplit split = StratifiedSplit.of(all, 0.5, 10);
        // class 0 is at indexes 0, 10, 20, 30: the first two train
        assertArrayEquals(all.image(0), split.train().image(0));
        assertArrayEquals(all.image(10), split.train().image(10));
        assertArrayEquals(all.image(20), split.test().image(0));
    }

    @Test
    void shouldSplitTheSameWayEveryTime() {
        LabeledImages all = TestImages.digits("all", 333, 3);
        StratifiedSplit a = StratifiedSplit.of(all, 0.85, 10);
        StratifiedSplit b = StratifiedSplit.of(all, 0.85, 10);
        assertEquals(a.train().fingerprint(), b.train().fingerprint());
        assertEquals(a.test().fingerprint(), b.test().fingerprint());
        assertEquals("all-train", a.train().name());
    }
}
