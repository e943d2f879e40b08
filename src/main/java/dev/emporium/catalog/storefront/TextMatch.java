package dev.emporium.catalog.storefront;

/**
 * How a search text finds products. {@code EXACT}: full text (stemmed words in title, brand, description) through
 * the tsvector index, ranked by weight. {@code SIMILAR}: title words within a typo of the text, through the trigram
 * index, ranked by similarity; tried only when nothing matches exactly, because checking trigrams costs several
 * times more than the full-text index.
 */
enum TextMatch {
    EXACT("e"), SIMILAR("s");

    final String code;

    TextMatch(String code) {
        this.code = code;
    }

    static TextMatch ofCode(String code) {
        for (TextMatch match : values()) {
            if (match.code.equals(code)) {
                return match;
            }
        }
        throw StorefrontProblems.invalidCursor();
    }
}
