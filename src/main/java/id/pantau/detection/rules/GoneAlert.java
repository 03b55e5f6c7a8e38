package id.pantau.detection.rules;

/** An open alert whose facts a run no longer finds. */
public record GoneAlert(long id, String subjectKey, Long personId, String factsKey) {
}
