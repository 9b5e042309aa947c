package glyphstream.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One file per generator: a zip holding {@value #NETWORK_ENTRY} (DL4J ModelSerializer bytes, no optimiser state)
 * and {@value #METADATA_ENTRY} (a properties file, see {@link CheckpointMetadata}).
 */
public final class GeneratorCheckpoint {

    static final String NETWORK_ENTRY = "generator.dl4j";
    static final String METADATA_ENTRY = "metadata.properties";

    private GeneratorCheckpoint() {
    }

    /** Writes the checkpoint atomically (temporary file, then rename), so readers never see half a file. */
    public static void save(Path file, MultiLayerNetwork generator, CheckpointMetadata metadata) throws IOException {
        ByteArrayOutputStream network = new ByteArrayOutputStream();
        ModelSerializer.writeModel(generator, network, false);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(METADATA_ENTRY));
            metadata.toProperties().store(out, "glyphstream generator checkpoint");
            out.closeEntry();
            out.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            out.write(network.toByteArray());
            out.closeEntry();
        }
        AtomicFiles.write(file, zip.toByteArray());
    }

    /** Rewrites a checkpoint with its metadata extended by {@code metrics} (e.g. eval results of a shipped model). */
    public static void addMetrics(Path file, java.util.Map<String, Double> metrics) throws IOException {
        CheckpointedGenerator loaded = load(file);
        save(file, loaded.network(), loaded.metadata().withMetrics(metrics));
    }

    public static CheckpointedGenerator load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("generator checkpoint not found: " + file);
        }
        return load(Files.readAllBytes(file));
    }

    /** Loads a checkpoint from the bytes of its file, e.g. as carried by a model-update record. */
    public static CheckpointedGenerator load(byte[] checkpoint) throws IOException {
        byte[] network = null;
        CheckpointMetadata metadata = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(checkpoint))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(NETWORK_ENTRY)) {
                    network = in.readAllBytes();
                } else if (entry.getName().equals(METADATA_ENTRY)) {
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(in.readAllBytes()));
                    metadata = CheckpointMetadata.fromProperties(p);
                }
            }
        }
        if (network == null || metadata == null) {
            throw new NotAGeneratorCheckpointException("not a generator checkpoint: missing " + (network == null ? NETWORK_ENTRY : METADATA_ENTRY));
        }
        try (InputStream in = new ByteArrayInputStream(network)) {
            return new CheckpointedGenerator(ModelSerializer.restoreMultiLayerNetwork(in, false), metadata);
        }
    }

    /** Writes bytes to a sibling temporary file, then moves it over the target. */
    static final class AtomicFiles {
        private AtomicFiles() {
        }

        static void write(Path file, byte[] bytes) throws IOException {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
