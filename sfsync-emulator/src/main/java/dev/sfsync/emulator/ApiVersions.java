package dev.sfsync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST API versions the emulator answers: 50.0 (Winter '21) to 68.0 (Winter '27). */
public final class ApiVersions {
    public static final int OLDEST = 50;
    public static final int NEWEST = 68;
    private static final String[] SEASONS = {"Winter", "Spring", "Summer"};

    private ApiVersions() {
    }

    public static boolean supported(String version) {
        if (version.length() != 4 || !Character.isDigit(version.charAt(0)) || !Character.isDigit(version.charAt(1)) || !version.endsWith(".0")) {
            return false;
        }
        int major = Integer.parseInt(version.substring(0, 2));
        return major >= OLDEST && major <= NEWEST;
    }

    public static String newest() {
        return NEWEST + ".0";
    }

    /** The body of GET /services/data: one entry per version, oldest first, as Salesforce lists them. */
    public static List<Map<String, String>> list() {
        List<Map<String, String>> out = new ArrayList<>();
        for (int major = OLDEST; major <= NEWEST; major++) {
            int k = major - OLDEST;
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("label", SEASONS[k % 3] + " '" + (21 + k / 3));
            entry.put("url", "/services/data/v" + major + ".0");
            entry.put("version", major + ".0");
            out.add(entry);
        }
        return out;
    }
}
