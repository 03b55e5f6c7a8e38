/**
 * The one way Pantau writes JSON text of its own (the audit chain's canonical rows and its checkpoint lines, the MRZ
 * command's output, a problem detail written outside Spring MVC): Jackson, through {@link id.pantau.platform.json.Json}.
 */
@org.springframework.modulith.NamedInterface("json")
package id.pantau.platform.json;
