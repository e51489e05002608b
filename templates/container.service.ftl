<#-- container-NAME.service for one container made by the CLI. Every value arrives already quoted or
     escaped for systemd (see dev.vaina.unit.ContainerUnitRenderer); this file only lays them out. -->
# ${unitName}, made by vaina for container ${id}
[Unit]
Description=${description}
<#if bindsTo??>
# It runs in namespaces that these units' containers hold (its pod's infra container, or the container
# whose network it shares): it starts after them and stops (first) when they stop.
BindsTo=${bindsTo}
After=${bindsTo}
</#if>
<#if wants??>
# The timer of its health check starts with it (and is bound to it).
Wants=${wants}
</#if>
<#if startsBefore??>
# The DNS server of its networks: it starts once this container's entry is written, at its start, and then
# serves every container on them.
Wants=${startsBefore}
Before=${startsBefore}
</#if>
<#if stopWhenUnneeded??>
# --exit-policy stop: the pod's unit stops once none of its members, which are bound to it, runs.
StopWhenUnneeded=yes
</#if>
<#if startLimitBurst??>
# on-failure:${maxRetries} allows ${maxRetries} restarts, that is ${startLimitBurst} starts, counted until the
# unit is reset (vaina start resets it), however long the container ran in between.
StartLimitIntervalSec=infinity
StartLimitBurst=${startLimitBurst}
<#elseif restart != "no">
# Restarts are not rate-limited, as with Docker and Podman; RestartSec= below spaces them out.
StartLimitIntervalSec=0
</#if>

<#if collectFailed??>
# --rm: the container is deleted when it exits, so its unit must not linger even as a failed one.
CollectMode=inactive-or-failed
</#if>

[Service]
# The monitor (started by the launcher, which makes it the main process, MAINPID=) sends READY=1 once the
# container runs, or once its first health check has passed (--sdnotify=healthy); with --sdnotify=container
# the workload sends it itself through the socket passed into the container, so any process of the unit may notify.
Type=notify
NotifyAccess=${notifyAccess}
ExecStart=${execStart}
<#if execStopPost??>
# "-": the container's exit status, not the cleanup's, decides whether the unit failed (and so
# whether on-failure restarts it); the cleanup reports its own errors in the unit's log.
ExecStopPost=-${execStopPost}
</#if>
<#if handedOver??>
# Once it runs, the monitor hands the container over: its init becomes the main process, and the stop
# signal reaches it (or the monitor, if it had to stay: it forwards the signal) and nothing else.
# Whatever is left after TimeoutStopSec= is killed by systemd.
<#else>
# SIGTERM reaches the monitor only; it forwards the container's own stop signal and escalates to
# SIGKILL after the stop timeout. Whatever is left after TimeoutStopSec= is killed by systemd.
</#if>
KillMode=mixed
KillSignal=${killSignal}
# The container's stop timeout plus a margin for the monitor's own SIGKILL and exit.
TimeoutStopSec=${timeoutStopSec}
# Preparing the root file system (and, rootless, the id-mapped layers) may take a while on first start.
TimeoutStartSec=${timeoutStartSec}
Delegate=yes
<#if slice??>
# The pod's slice: the pod's resource limits hold for all its containers together.
Slice=${slice}
</#if>
<#if resources?has_content>
# The container's resource limits. The runtime sets the same limits on the container's own cgroup, a child of
# this unit's, where they hold for the container alone; `vaina update` changes both while it runs.
</#if>
<#list resources as setting>
${setting}
</#list>
<#if unlessStopped??>
# unless-stopped is "always" here: systemd never restarts a unit that was stopped (vaina stop,
# systemctl stop), and a stopped unit stays stopped across reboots unless it is enabled.
</#if>
Restart=${restart}
<#if restartSec??>
RestartSec=${restartSec}
</#if>
SyslogIdentifier=${syslogIdentifier}

[X-Container]
Id=${id}
Name=${name}
Image=${image}
