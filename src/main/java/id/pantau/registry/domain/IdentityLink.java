package id.pantau.registry.domain;

import java.time.Instant;

import id.pantau.registry.IdentityLinkKind;
import org.springframework.data.relational.core.mapping.Table;

/** An identity the person holds in another register, such as an Indonesian NIK. */
@Table("identity_link")
public record IdentityLink(IdentityLinkKind kind, String value, String notes, Instant addedAt) {
}
