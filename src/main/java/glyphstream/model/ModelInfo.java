package glyphstream.model;

import java.util.List;

/** What a server needs to know about a generator to call it and label its images. */
public record ModelInfo(String version, int latentSize, int width, int height, List<String> classNames) {

    public int classes() {
        return classNames.size();
    }
}
