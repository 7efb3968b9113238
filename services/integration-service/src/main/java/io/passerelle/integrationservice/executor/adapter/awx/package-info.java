/** The AWX / Ansible Automation Platform executor: launches a job template with extra vars and follows the job to its final status. */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.awx;

import org.jspecify.annotations.NullMarked;
