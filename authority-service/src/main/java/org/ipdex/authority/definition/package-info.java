/**
 * The kind and exception codes each office defines, from a file's definition part or a separate definition file;
 * validation checks entries against them and look-ups show their descriptions.
 */
package org.ipdex.authority.definition;
