<#-- One run of a container's health check, started by its timer (dev.vaina.unit.HealthcheckUnitRenderer). -->
# ${serviceName}, made by vaina for container ${id}
[Unit]
Description=health check of vaina container ${name}

[Service]
Type=oneshot
ExecStart=${execStart}
# 1 is "unhealthy": a result, which vaina healthcheck run has recorded and acted on, not a failure of the unit.
SuccessExitStatus=1
