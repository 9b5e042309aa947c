package glyphstream.config;

/** The README's configuration table, rendered from {@link Settings#ALL}; a test keeps the two in step. */
public final class ConfigTable {

    private ConfigTable() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder("| setting | environment variable | default | meaning |\n|---|---|---|---|\n");
        for (Setting s : Settings.ALL) {
            md.append("| `").append(s.key()).append("` | `").append(s.envVar()).append("` | ")
                    .append(s.defaultValue().isEmpty() ? "(none)" : "`" + s.defaultValue() + "`")
                    .append(" | ").append(s.doc()).append(" |\n");
        }
        return md.toString();
    }
}
