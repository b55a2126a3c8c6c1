package org.ipdex.testdata;

import java.util.LinkedHashMap;
import java.util.Map;

/** The kind and exception codes the generator uses per office, with descriptions as definition files give them. */
public final class OfficeCodes {

    private OfficeCodes() {
    }

    public static Map<String, String> kinds(String office) {
        Map<String, String> kinds = new LinkedHashMap<>();
        if (office.equals("US")) {
            kinds.put("A1", "Patent application publication");
            kinds.put("A2", "Second or subsequent patent application publication");
            kinds.put("A9", "Corrected patent application publication");
            return kinds;
        }
        kinds.put("A1", "Application published with search report");
        kinds.put("A2", "Application published without search report");
        kinds.put("A3", "Search report");
        kinds.put("B1", "Patent specification");
        kinds.put("B2", "New patent specification after opposition");
        return kinds;
    }

    public static Map<String, String> exceptions(String office) {
        Map<String, String> codes = new LinkedHashMap<>();
        if (office.equals("US")) {
            codes.put("W", "Withdrawn");
            codes.put("MA", "Images missing");
            codes.put("MC", "Missing from the classification system");
            return codes;
        }
        codes.put("W", "Application withdrawn before publication");
        codes.put("N", "Number not used");
        return codes;
    }
}
