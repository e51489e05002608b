<#-- vaina-pod_ID.slice (or PARENT-pod_ID.slice) for a pod with resource limits: every container of the pod runs in
     it, so its limits hold for all of them together. A pod without limits needs no file: systemd makes the
     slice on demand. -->
# ${unitName}, made by vaina for pod ${id}
[Unit]
Description=vaina pod ${name}

[Slice]
<#list resources as setting>
${setting}
</#list>
