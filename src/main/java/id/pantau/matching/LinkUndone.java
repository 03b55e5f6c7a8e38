package id.pantau.matching;

/** A reviewer undid a link between a record and a person; what the link caused is to be undone too. */
public record LinkUndone(long caseId, String recordKind, long recordId, Long personId) {
}
