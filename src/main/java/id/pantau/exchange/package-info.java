/**
 * The change feed (/api/v1/changes) other agencies' systems poll: the changes of the registry, reports and crossings
 * through those modules' APIs. It owns no table.
 */
package id.pantau.exchange;
