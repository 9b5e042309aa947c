package glyphstream.data;

import java.nio.file.Path;

/** Reads IDX files meant for training and checks they fit the model: 28x28 gray digits, labels 0..9. */
public final class TrainingFiles {

    /** The generator draws 28x28 images of 10 classes; training data must match. */
    public static final int SIDE = 28;
    public static final int CLASSES = 10;

    private TrainingFiles() {
    }

    /** Reads and validates the whole set; any problem is a one-line {@link DataFormatException}. */
    public static LabeledImages read(Path images, Path labels, String name) {
        LabeledImages data = IdxFiles.read(images, labels, name, CLASSES);
        if (data.width() != SIDE || data.height() != SIDE) {
            throw new DataFormatException(images, "images are " + data.width() + "x" + data.height()
                    + " pixels; the model takes " + SIDE + "x" + SIDE);
        }
        return data;
    }

    /**
     * A data set name from the images file's folder and name, e.g. data/mnist/train-images-idx3-ubyte.gz
     * gives "mnist-train": unique enough that two data sets loaded into one topic keep apart keys.
     */
    public static String datasetName(Path images) {
        String file = images.getFileName().toString().replaceFirst("\\.gz$", "");
        String stem = file.replaceFirst("(?i)[-_.]?images?([-_.]idx3[-_.]ubyte)?$", "")
                .replaceFirst("(?i)[-_.]?idx3[-_.]ubyte$", "");
        if (stem.isEmpty()) {
            stem = file;
        }
        Path folder = images.toAbsolutePath().normalize().getParent();
        String folderName = folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
        return (folderName.isEmpty() ? stem : folderName + "-" + stem).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
