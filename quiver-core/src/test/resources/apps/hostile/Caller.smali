.class public Lcom/evil/Caller;
.super Ljava/lang/Object;
.source "Caller.java"

.method public static run()V
    .registers 1
    const-string v0, "hostile-marker"
    invoke-static {}, Lcom/evil/Rtl‮txt.exe;->gnp‮exe()V
    invoke-static {}, Lcom/evil/<script>window.__pwned=3</script>;->payload()Ljava/lang/String;
    return-void
.end method
