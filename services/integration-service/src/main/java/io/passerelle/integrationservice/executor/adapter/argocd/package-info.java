/** The Argo CD executor: syncs an application at the release's commit, and reads its outcome (status or notification). */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.argocd;

import org.jspecify.annotations.NullMarked;
