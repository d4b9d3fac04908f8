.class public Lcom/q/Under_score;
.super Ljava/lang/Object;
.source "Under_score.java"

.method public static ñame()V
    .registers 1
    const-string v0, "<script>alert(1)</script>"
    invoke-static {}, Lcom/q/Chain;->fact(I)I
    return-void
.end method
