<#-- The schedule of one container's health check (dev.vaina.unit.HealthcheckUnitRenderer). The container's
     unit wants it, so it starts with the container, and it is bound to that unit, so it goes with it. -->
# ${timerName}, made by vaina for container ${id}
[Unit]
Description=${what} of vaina container ${name}
# No After=: with --sdnotify=healthy the container's unit stays "activating" until a check has passed,
# so the timer must run while it starts.
BindsTo=${containerUnit}

[Timer]
# The first check one interval after the start, then one interval after each check ends.
OnActiveSec=${interval}
OnUnitInactiveSec=${interval}
AccuracySec=${accuracy}
Unit=${serviceName}
