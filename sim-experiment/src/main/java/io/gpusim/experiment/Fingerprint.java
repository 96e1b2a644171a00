package io.gpusim.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gpusim.core.scenario.ScenarioLoader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of what determines a study's results. */
public final class Fingerprint {
    private Fingerprint() {}

    /** The SHA-256 of an identity (maps, lists, scenarios, numbers) written as JSON. */
    public static String of(Object identity) {
        try {
            byte[] json = ScenarioLoader.jsonMapper().writeValueAsBytes(identity);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the study", e);
        }
    }
}
