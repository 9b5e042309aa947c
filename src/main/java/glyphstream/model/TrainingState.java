package glyphstream.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Everything needed to continue training a {@link ConditionalGan}: its settings, both networks with their
 * optimiser (Adam) state, the generator's moving average, the step count and the number of finished epochs.
 * One zip file, separate from the (much smaller) generator checkpoint that is served.
 */
public final class TrainingState {

    private static final String SETTINGS = "settings.properties";
    private static final String PROGRESS = "progress.properties";
    private static final String DISCRIMINATOR = "discriminator.dl4j";
    private static final String STACKED = "stacked.dl4j";
    private static final String EMA = "ema.nd4j";

    private TrainingState() {
    }

    /** A GAN restored from a state file plus how many epochs it had finished. */
    public record Restored(ConditionalGan gan, int epochsDone) {
    }

    public static void save(Path file, ConditionalGan gan, int epochsDone) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            putProperties(out, SETTINGS, gan.settings().toProperties());
            Properties progress = new Properties();
            progress.setProperty("steps", Long.toString(gan.steps()));
            progress.setProperty("epochsDone", Integer.toString(epochsDone));
            putProperties(out, PROGRESS, progress);
            putBytes(out, DISCRIMINATOR, networkBytes(gan.discriminatorNetwork()));
            putBytes(out, STACKED, networkBytes(gan.stackedNetwork()));
            ByteArrayOutputStream ema = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(ema)) {
                Nd4j.write(gan.emaParams(), data);
            }
            putBytes(out, EMA, ema.toByteArray());
        }
        GeneratorCheckpoint.AtomicFiles.write(file, zip.toByteArray());
    }

    public static Restored load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("training state not found: " + file);
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        for (String name : new String[]{SETTINGS, PROGRESS, DISCRIMINATOR, STACKED, EMA}) {
            if (!entries.containsKey(name)) {
                throw new IOException("not a training state file: " + file + " lacks " + name);
            }
        }
        GanSettings settings = GanSettings.fromProperties(properties(entries.get(SETTINGS)));
        Properties progress = properties(entries.get(PROGRESS));
        MultiLayerNetwork discriminator = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(entries.get(DISCRIMINATOR)), true);
        MultiLayerNetwork stacked = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(entries.get(STACKED)), true);
        INDArray ema;
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(entries.get(EMA)))) {
            ema = Nd4j.read(data);
        }
        ConditionalGan gan = new ConditionalGan(settings, discriminator, stacked, ema, Long.parseLong(progress.getProperty("steps")));
        return new Restored(gan, Integer.parseInt(progress.getProperty("epochsDone")));
    }

    private static byte[] networkBytes(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        return bytes.toByteArray();
    }

    private static void putProperties(ZipOutputStream out, String name, Properties p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.store(bytes, null);
        putBytes(out, name, bytes.toByteArray());
    }

    private static void putBytes(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static Properties properties(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        return p;
    }
}
