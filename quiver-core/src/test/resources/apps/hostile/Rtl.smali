.class public Lcom/evil/Rtl‮txt.exe;
.super Ljava/lang/Object;
.source "Rtl.java"

.method public static gnp‮exe()V
    .registers 1
    const-string v0, "invoice\u202etxt.exe and a line\nbreak"
    invoke-static {}, Lcom/evil/<script>window.__pwned=3</script>;->payload()Ljava/lang/String;
    return-void
.end method
