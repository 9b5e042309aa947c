package glyphstream.config;

/** One setting: its key in properties files, its default and one line of documentation. */
public record Setting(String key, String defaultValue, String doc) {

    /** The environment variable that overrides it: GLYPHSTREAM_ + the key in upper case, dots as underscores. */
    public String envVar() {
        return "GLYPHSTREAM_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
