<#-- vaina-netns.service: the namespaces of a rootless user's named networks (dev.vaina.net.RootlessNetns).
     Command lines arrive quoted for systemd (dev.vaina.unit.NetworkUnitRenderer). -->
# ${unitName}, made by vaina
[Unit]
Description=vaina's namespaces for rootless named networks
# Containers on named networks are bound to it: it starts before the first and stops after the last.
StopWhenUnneeded=yes

[Service]
# catatonit holds a user, network and mount namespace; the start is done once the launcher has connected
# that network namespace to the host (pasta, which stays in this unit) and recorded the holder's PID.
ExecStart=${execStart}
ExecStartPost=${execStartPost}
ExecStopPost=${execStopPost}
# pasta and aardvark-dns's helpers end with it.
KillMode=control-group
