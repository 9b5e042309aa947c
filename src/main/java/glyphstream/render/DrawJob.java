package glyphstream.render;

/** One image to draw: the digits of {@code text} side by side, in the style of (seed, variant). */
public record DrawJob(String text, long seed, int variant) {

    public DrawJob {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("text must be digits 0-9, got \"" + text + "\"");
        }
    }
}
