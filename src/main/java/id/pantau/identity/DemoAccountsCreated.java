package id.pantau.identity;

/**
 * The demo accounts were just created: a fresh demonstration installation, which other modules may fill with their
 * own demo data. Published synchronously during start-up.
 */
public record DemoAccountsCreated(int accounts) {
}
