<#-- vaina-aardvark-dns.service: the DNS server of every named network with DNS (aardvark-dns), started by
     systemd after the first container on such a network, and by the engine at network connect.
     Command lines arrive quoted for systemd (dev.vaina.unit.NetworkUnitRenderer). -->
# ${unitName}, made by vaina
[Unit]
Description=aardvark-dns for vaina's named networks
# It starts again whenever it exits while containers have entries (see ExecCondition=): no limit on that.
StartLimitIntervalSec=0
<#if bindsTo??>
# It serves on the bridges inside the namespaces of rootless named networks, and goes with them.
BindsTo=${bindsTo}
After=${bindsTo}
</#if>

[Service]
# aardvark-dns forks once it serves; netavark tells it of containers that come and go (SIGHUP), and it exits
# when the last one went. systemd takes the forked server, the one process left, as the main process. No
# PIDFile=: when the last container went while aardvark-dns started, it writes none, and systemd would wait
# for it until the start timed out.
Type=forking
TimeoutStartSec=15s
# Only while a container has an entry; otherwise the unit stays inactive, not failed, and is not restarted.
ExecCondition=${execCondition}
ExecStart=${execStart}
# aardvark-dns exits a moment after the last entry went; a container that came in that moment has its entry
# served by the next one.
Restart=on-success
RestartSec=100ms
