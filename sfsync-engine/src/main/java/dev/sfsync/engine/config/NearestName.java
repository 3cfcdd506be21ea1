package dev.sfsync.engine.config;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the candidate closest to a misspelt name, when it is close enough to be a typo. */
public final class NearestName {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private NearestName() {
    }

    public static Optional<String> to(String input, Collection<String> candidates) {
        String wanted = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = DISTANCE.apply(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, input.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** A fix text: "did you mean 'X'?" when one is near, else the list of valid names. */
    public static String fix(String input, Collection<String> candidates, String what) {
        return to(input, candidates).map(name -> "did you mean '" + name + "'?")
                .orElse(candidates.isEmpty() ? "define the " + what + " first" : "use one of " + String.join(", ", candidates));
    }
}
