package glyphstream.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingKeyOrderTest {

    @Test
    void shouldOrderKeysByDataSetThenNumericIndex() {
        List<String> keys = new ArrayList<>(List.of("b:0", "a:10", "a:1x", "a:9", "a:2", "plain", "a:"));
        keys.sort(TrainingTopicReader::compareKeys);
        assertEquals(List.of("a:2", "a:9", "a:10", "a:", "a:1x", "b:0", "plain"), keys);
    }
}
