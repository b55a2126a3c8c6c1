/**
 * The kind and exception codes each office defines, from a file's definition part or a separate definition file
 * (read by the ingest's readers, behind {@link org.ipdex.authority.definition.DefinitionFiles}); validation checks
 * entries against them and look-ups show their descriptions.
 */
package org.ipdex.authority.definition;
