package id.pantau.platform;

/**
 * Which database this process uses: the embedded PostgreSQL under the data directory, or the server configured with
 * {@code PANTAU_DB_URL}.
 *
 * @param embedded whether the embedded PostgreSQL is in use
 * @param description where the data lives, for people (no password)
 */
public record DatabaseMode(boolean embedded, String description) {
}
