package id.pantau.crossings;

/** A batch of crossing records was imported; its new records wait to be matched with the registry. */
public record CrossingsImported(long batchId, int added) {
}
