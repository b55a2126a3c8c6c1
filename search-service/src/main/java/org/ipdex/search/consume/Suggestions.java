package org.ipdex.search.consume;

import org.ipdex.search.index.ApiEntry.Suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Inputs of the completion fields. A completion suggester only matches from the start of an input, and the
 * test cluster has no {@code edge_ngram}, so the last words of a text are added as inputs of their own:
 * "reg" then suggests "European Patent Register" too.
 */
final class Suggestions {

    static final int TITLE = 10;
    static final int OFFICE = 6;
    static final int SUMMARY = 3;
    private static final int MAX_TAILS = 4;
    private static final int MAX_LENGTH = 100;
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Suggestions() {
    }

    static List<Suggestion> of(String text, int weight) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String whole = cut(text.strip());
        String[] words = SPACE.split(whole);
        List<String> inputs = new ArrayList<>();
        inputs.add(whole);
        for (int i = 1; i < words.length && i <= MAX_TAILS; i++) {
            inputs.add(String.join(" ", List.of(words).subList(i, words.length)));
        }
        // the whole text outranks its own tails
        return List.of(new Suggestion(List.of(whole), weight), new Suggestion(inputs.subList(1, inputs.size()),
                Math.max(1, weight - 1))).stream().filter(s -> !s.input().isEmpty()).toList();
    }

    private static String cut(String text) {
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
